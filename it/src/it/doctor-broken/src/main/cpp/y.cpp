extern "C" int cross_y() { return 1; }
