// not built: the tool takes only *.c
int helper() { return 0; }
