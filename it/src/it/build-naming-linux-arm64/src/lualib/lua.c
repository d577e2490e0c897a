int lua_answer(void) {
    return 42;
}
