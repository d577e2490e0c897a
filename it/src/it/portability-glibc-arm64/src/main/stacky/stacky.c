int stacky_value(void)
{
    return 1;
}
