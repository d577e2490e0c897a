#ifndef GREET_H
#define GREET_H

/* Writes "hello from <who>" into buffer (of size bytes) and returns its length. */
int greet(char *buffer, int size, const char *who);

#endif
