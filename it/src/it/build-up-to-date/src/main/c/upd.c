#include "upd.h"

int upd_answer(void)
{
    return UPD_ANSWER;
}
