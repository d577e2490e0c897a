#include <iostream>
#include <string>
#include <vector>

#include "tally.h"

// libstdc++ of the cross gcc installation, linked by clang++ with lld.
int main() {
    std::vector<std::string> inputs{"2024", "x9y", ""};
    long total = 0;
    for (const std::string &input : inputs) {
        total += tally_digits(input.c_str()).sum;
    }
    if (total != 2 + 0 + 2 + 4 + 9) {
        std::cout << "total " << total << std::endl;
        return 1;
    }
    std::cout << "cpp tally " << total << " " << __VERSION__ << std::endl;
    return 0;
}
