int tool(void) {
    return 1;
}
