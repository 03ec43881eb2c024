// OpenSSL: BN_bin2bn(s, len, ret) (and BN_lebin2bn, BN_native2bn,
// BN_mpi2bn) fill ret and return it, or NULL when they fail: the BIGNUM
// stays the caller's, so a wrapper that makes one with BN_new(), fills it
// and hands it out through an out-parameter (openssh's
// sshbuf_get_bignum2()) gives its caller a BIGNUM to free.  A caller that
// never frees it is reported (openssh commit 3b98b6e2, kexdh.c).
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <openssl/bn.h>
#include <stddef.h>

int get_bytes(void *buf, const unsigned char **d, size_t *len);

static int get_bignum(void *buf, BIGNUM **valp)
{
    const unsigned char *d;
    BIGNUM *v;
    size_t len;
    int r;

    *valp = NULL;
    if ((r = get_bytes(buf, &d, &len)) != 0)
        return r;
    if ((v = BN_new()) == NULL || BN_bin2bn(d, (int)len, v) == NULL) {
        BN_clear_free(v);
        return -2;
    }
    *valp = v;
    return 0;
}

static int use(const BIGNUM *pub)
{
    return BN_is_zero(pub) ? -1 : 0;
}

int dec_leaks(void *buf)
{
    BIGNUM *pub = NULL;
    int r;

    if ((r = get_bignum(buf, &pub)) != 0)
        goto out;
    if ((r = use(pub)) != 0)
        goto out;
 out:
    return r;
// CHECK: :[[@LINE-1]]:5: warning: 'pub' created by get_bignum() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
}

int dec_frees(void *buf)
{
    BIGNUM *pub = NULL;
    int r;

    if ((r = get_bignum(buf, &pub)) != 0)
        goto out;
    if ((r = use(pub)) != 0)
        goto out;
 out:
    BN_free(pub);
    return r;
}

int lebin_frees(const unsigned char *s, int n)
{
    BIGNUM *v = BN_new();

    if (v == NULL)
        return -1;
    if (BN_lebin2bn(s, n, v) == NULL) {
        BN_free(v);
        return -1;
    }
    BN_free(v);
    return 0;
}

int lebin_leaks_on_failure(const unsigned char *s, int n)
{
    BIGNUM *v = BN_new();

    if (v == NULL)
        return -1;
    if (BN_lebin2bn(s, n, v) == NULL)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'v' created by BN_new() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    BN_free(v);
    return 0;
}
