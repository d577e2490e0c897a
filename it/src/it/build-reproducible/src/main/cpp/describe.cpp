// The static C++ library describe: formats with the C++ standard library, so whatever links it needs the C++
// driver and runtime.
#include "describe.h"

#include <cstring>
#include <sstream>
#include <string>

extern "C" size_t describe_sum(char *buffer, size_t size, int a, int b, int sum, const char *cpu_family)
{
    std::ostringstream text;
    text << a << '+' << b << '=' << sum << " on " << cpu_family;
    const std::string line = text.str();
    if (size > 0) {
        const size_t length = line.size() < size - 1 ? line.size() : size - 1;
        std::memcpy(buffer, line.data(), length);
        buffer[length] = '\0';
    }
    return line.size();
}
