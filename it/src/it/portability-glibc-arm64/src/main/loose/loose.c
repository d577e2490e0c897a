int loose_target;

/* An absolute address in the code: the dynamic loader has to write into .text to relocate it (DT_TEXTREL). */
__asm__(".text\n.globl loose_word\n.p2align 3\nloose_word: .quad loose_target\n");

int loose_value(void)
{
    return loose_target;
}
