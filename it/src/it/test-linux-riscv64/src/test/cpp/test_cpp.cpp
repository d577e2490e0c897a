#include <iostream>
#include <string>
#include <vector>
extern "C" {
#include "mix.h"
}

int main() {
    std::vector<int> digits{1, 2, 3};
    int value = 0;
    for (int d : digits) {
        value = mix(value, d);
    }
    std::cout << "cpp " << value << " " << std::string(mix_arch()) << std::endl;
    return value == 123 ? 0 : 1;
}
