/* The host library: only its language matters to the doctor. */
int hello(void)
{
    return 42;
}
