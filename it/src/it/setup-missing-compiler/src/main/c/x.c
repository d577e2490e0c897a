int cross_x(void) { return 0; }
