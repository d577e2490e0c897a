// A C++ DLL that uses the C++ runtime (std::string, exceptions): linked as MinGW's g++ does by default, it imports
// libstdc++-6.dll and libgcc_s_seh-1.dll, which Windows machines without MinGW do not have.
#include <stdexcept>
#include <string>

extern "C" __declspec(dllexport) int describe_length(int count)
{
    if (count < 0) {
        throw std::invalid_argument("count must not be negative");
    }
    std::string text(static_cast<std::string::size_type>(count), 'x');
    return static_cast<int>(text.size());
}
