/* Assembly in the library: the C compiler assembles it, through the C preprocessor (ANSWER is a macro). */
#define ANSWER 42
    .text
    .globl mix_answer
    .type mix_answer, %function
mix_answer:
    mov w0, #ANSWER
    ret
    .size mix_answer, .-mix_answer
    .section .note.GNU-stack,"",%progbits
