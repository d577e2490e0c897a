#include <string>

/* C++ through the farm too: aarch64-linux-gnu-g++ on the daemons. */
extern "C" int calc_digits(int value)
{
    return static_cast<int>(std::to_string(value).size());
}
