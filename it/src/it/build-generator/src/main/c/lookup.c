/* The host library: looks values up in the table gen-table generated (table.h and table.c). */
#include <jni.h>
#include "table.h"

int table_lookup(int i)
{
    return i >= 0 && i < table_size ? table[i] : -1;
}

JNIEXPORT jint JNICALL
Java_dev_crossbuild_it_table_Table_lookup(JNIEnv *env, jclass cls, jint i)
{
    (void) env;
    (void) cls;
    return table_lookup(i);
}
