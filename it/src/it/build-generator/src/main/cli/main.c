#include <stdio.h>

int table_lookup(int i);

int main(void)
{
    printf("table[7] = %d, table[15] = %d\n", table_lookup(7), table_lookup(15));
    return 0;
}
