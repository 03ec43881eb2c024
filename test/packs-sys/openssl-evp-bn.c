// OpenSSL: EVP_MD_CTX_new/EVP_MD_CTX_free, EVP_CIPHER_CTX_new/
// EVP_CIPHER_CTX_free (the EVP_Digest* / EVP_Encrypt* calls only use the
// context), BN_new/BN_dup/BN_free/BN_clear_free, BN_CTX_new/BN_CTX_free,
// BN_bn2hex/OPENSSL_free.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <openssl/evp.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>

int leak_md_ctx(const void *data, size_t n, unsigned char *md, unsigned *mdlen)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    if (!ctx)
        return -1;
    if (EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) != 1)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'ctx' created by EVP_MD_CTX_new() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    if (EVP_DigestUpdate(ctx, data, n) != 1 || EVP_DigestFinal_ex(ctx, md, mdlen) != 1) {
        EVP_MD_CTX_free(ctx);
        return -1;
    }
    EVP_MD_CTX_free(ctx);
    return 0;
}

int no_leak_md_ctx(const void *data, size_t n, unsigned char *md, unsigned *mdlen)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    int rc = -1;
    if (!ctx)
        return -1;
    if (EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) == 1
        && EVP_DigestUpdate(ctx, data, n) == 1
        && EVP_DigestFinal_ex(ctx, md, mdlen) == 1)
        rc = 0;
    EVP_MD_CTX_free(ctx);
    return rc;
}

int leak_cipher_ctx(const unsigned char *key, const unsigned char *iv,
                    const unsigned char *in, int inl, unsigned char *out)
{
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    int len, total;
    if (!c)
        return -1;
    if (EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), NULL, key, iv) != 1) {
        EVP_CIPHER_CTX_free(c);
        return -1;
    }
    if (EVP_EncryptUpdate(c, out, &len, in, inl) != 1)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'c' created by EVP_CIPHER_CTX_new() at line [[@LINE-10]] is not freed when returning here [leakcheck-leak]
    total = len;
    if (EVP_EncryptFinal_ex(c, out + len, &len) != 1) {
        EVP_CIPHER_CTX_free(c);
        return -1;
    }
    EVP_CIPHER_CTX_free(c);
    return total + len;
}

int no_leak_cipher_ctx(const unsigned char *key, const unsigned char *iv,
                       const unsigned char *in, int inl, unsigned char *out)
{
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    int len, total = -1;
    if (!c)
        return -1;
    if (EVP_DecryptInit_ex(c, EVP_aes_128_cbc(), NULL, key, iv) == 1
        && EVP_DecryptUpdate(c, out, &len, in, inl) == 1) {
        total = len;
        if (EVP_DecryptFinal_ex(c, out + len, &len) == 1)
            total += len;
        else
            total = -1;
    }
    EVP_CIPHER_CTX_free(c);
    return total;
}

int leak_bn_ctx(const BIGNUM *a, const BIGNUM *p, const BIGNUM *m, BIGNUM *r)
{
    BN_CTX *ctx = BN_CTX_new();
    if (!ctx)
        return -1;
    if (!BN_mod_exp(r, a, p, m, ctx))
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'ctx' created by BN_CTX_new() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    BN_CTX_free(ctx);
    return 0;
}

int no_leak_bn(const BIGNUM *a, const BIGNUM *m)
{
    BN_CTX *ctx = BN_CTX_new();
    BIGNUM *sq = BN_new();
    int rc = -1;
    if (!ctx || !sq)
        goto out;
    if (BN_mul(sq, a, a, ctx) && BN_cmp(sq, m) < 0)
        rc = BN_num_bits(sq);
out:
    BN_clear_free(sq);
    BN_CTX_free(ctx);
    return rc;
}

int leak_bn_dup(const BIGNUM *a)
{
    BIGNUM *copy = BN_dup(a);
    if (!copy)
        return -1;
    if (!BN_set_word(copy, 7))
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'copy' created by BN_dup() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    BN_free(copy);
    return 0;
}

int leak_bn2hex(const BIGNUM *a, char *buf, size_t n)
{
    char *hex = BN_bn2hex(a);
    if (!hex)
        return -1;
    if (BN_is_zero(a))
        return 0;
// CHECK: :[[@LINE-1]]:9: warning: 'hex' allocated by BN_bn2hex() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    OPENSSL_free(hex);
    return 1;
}

int no_leak_bn2hex(const BIGNUM *a)
{
    char *hex = BN_bn2hex(a);
    if (!hex)
        return -1;
    OPENSSL_free(hex);
    return 0;
}

/* EVP_PKEY_keygen(): 1 on success, <= 0 on failure (nothing stored). */
EVP_PKEY *keygen_leak(EVP_PKEY_CTX *ctx, int check)
{
    EVP_PKEY *pkey = NULL;
    if (EVP_PKEY_keygen(ctx, &pkey) <= 0)
        return NULL;
    if (check && EVP_PKEY_get_bits(pkey) < 2048)
        return NULL;
// CHECK: :[[@LINE-1]]:9: warning: 'pkey' created by EVP_PKEY_keygen() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
    return pkey;
}

EVP_PKEY *keygen_checked(EVP_PKEY_CTX *ctx)
{
    EVP_PKEY *pkey = NULL;
    if (EVP_PKEY_keygen_init(ctx) != 1 || EVP_PKEY_keygen(ctx, &pkey) != 1)
        return NULL;            /* failed: nothing to free */
    if (EVP_PKEY_get_bits(pkey) < 2048) {
        EVP_PKEY_free(pkey);
        return NULL;
    }
    return pkey;
}
