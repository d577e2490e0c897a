int z_version(void) {
    return 131;
}
