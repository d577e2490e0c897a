// not built: the library excludes contrib/
int contrib() { return 2; }
