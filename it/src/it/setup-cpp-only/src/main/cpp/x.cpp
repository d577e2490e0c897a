#include <string>

extern "C" int cross_length() { return static_cast<int>(std::string("cross").size()); }
