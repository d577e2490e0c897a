package dev.crossbuild.it.table;

/** The Java side of libtable: a lookup in the table gen-table generated at build time. */
public final class Table {

    private Table() {
    }

    public static native int lookup(int index);
}
