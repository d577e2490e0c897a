#ifndef CHECK_H
#define CHECK_H
/* Support code shared by every test program (a subfolder of src/test/c is compiled into each of them). */
#define CHECK(x) do { if (!(x)) check_failed(__FILE__, __LINE__, #x); } while (0)
void check_failed(const char *file, int line, const char *what);
#endif
