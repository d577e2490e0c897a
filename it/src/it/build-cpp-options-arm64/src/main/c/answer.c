/* C sources get none of the C++ options. */
int answer(void) { return 42; }
