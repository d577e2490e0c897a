int lpeg_version(void) {
    return 1;
}
