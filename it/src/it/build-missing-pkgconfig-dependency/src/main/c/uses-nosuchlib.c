/* Never compiled: the pkg-config dependency nosuchlib cannot be found for the host machine. */
int uses_nosuchlib(void)
{
    return 0;
}
