const char *spam_name(void) {
    return "spam";
}
