// hiredis pack: redisConnect() returns a context even when the connection
// fails (c->err), which must still be redisFree()d; replies go back with
// freeReplyObject(), including those from redisGetReply(c, &reply).
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <hiredis/hiredis.h>
#include <stdio.h>

redisContext *leak_ctx_on_error(const char *host, int port)
{
    redisContext *c = redisConnect(host, port);
    if (c == NULL)
        return NULL;
    if (c->err) {
        fprintf(stderr, "redis: %s\n", c->errstr);
        return NULL;
// CHECK: :[[@LINE-1]]:9: warning: 'c' connected by redisConnect() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    }
    return c;
}

redisContext *no_leak_ctx_on_error(const char *host, int port)
{
    redisContext *c = redisConnect(host, port);
    if (c == NULL || c->err) {
        if (c) {
            fprintf(stderr, "redis: %s\n", c->errstr);
            redisFree(c);
        }
        return NULL;
    }
    return c;
}

long long leak_reply(redisContext *c, const char *key)
{
    redisReply *r = redisCommand(c, "INCR %s", key);
    long long v;
    if (r == NULL)
        return -1;
    if (r->type != REDIS_REPLY_INTEGER)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'r' returned by redisCommand() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    v = r->integer;
    freeReplyObject(r);
    return v;
}

long long no_leak_reply(redisContext *c, const char *key)
{
    redisReply *r = redisCommand(c, "INCR %s", key);
    long long v = -1;
    if (r == NULL)
        return -1;
    if (r->type == REDIS_REPLY_INTEGER)
        v = r->integer;
    freeReplyObject(r);
    return v;
}

int leak_pipelined(redisContext *c)
{
    void *reply;
    redisAppendCommand(c, "PING");
    if (redisGetReply(c, &reply) != REDIS_OK)
        return -1;
    if (((redisReply *)reply)->type == REDIS_REPLY_ERROR)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'reply' returned by redisGetReply() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
    freeReplyObject(reply);
    return 0;
}

int no_leak_pipelined(redisContext *c)
{
    redisReply *reply;
    int rc = 0;
    redisAppendCommand(c, "PING");
    if (redisGetReply(c, (void **)&reply) != REDIS_OK)
        return -1;
    if (reply->type == REDIS_REPLY_ERROR)
        rc = -1;
    freeReplyObject(reply);
    return rc;
}
