/* A build-machine tool: only its language matters to the doctor. */
int main(void)
{
    return 0;
}
