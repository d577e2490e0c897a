#ifndef UPD_H
#define UPD_H

#define UPD_ANSWER 42

int upd_answer(void);

#endif
