// OpenSSL: BIOs (BIO_new_file/BIO_new_mem_buf/BIO_new_fp ... BIO_free,
// BIO_free_all, BIO_vfree), keys and certificates read with PEM_read_* /
// d2i_* (EVP_PKEY_free, X509_free).
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

EVP_PKEY *leak_bio_when_key_missing(const char *path)
{
    BIO *in = BIO_new_file(path, "r");
    if (!in)
        return NULL;
    EVP_PKEY *key = PEM_read_bio_PrivateKey(in, NULL, NULL, NULL);
    if (!key)
        return NULL;
// CHECK: :[[@LINE-1]]:9: warning: 'in' created by BIO_new_file() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    BIO_free(in);
    return key;
}

EVP_PKEY *no_leak_bio_key(const char *path)
{
    BIO *in = BIO_new_file(path, "r");
    if (!in)
        return NULL;
    EVP_PKEY *key = PEM_read_bio_PrivateKey(in, NULL, NULL, NULL);
    BIO_free(in);
    return key;
}

// SSL_CTX_use_certificate / SSL_CTX_use_PrivateKey take their own
// references: the caller still frees the certificate and the key.
int leak_cert_after_use(SSL_CTX *ctx, const char *pem, int len)
{
    BIO *mem = BIO_new_mem_buf(pem, len);
    if (!mem)
        return -1;
    X509 *cert = PEM_read_bio_X509(mem, NULL, NULL, NULL);
    BIO_free_all(mem);
    if (!cert)
        return -1;
    if (SSL_CTX_use_certificate(ctx, cert) != 1)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'cert' created by PEM_read_bio_X509() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    X509_free(cert);
    return 0;
}

int no_leak_cert_after_use(SSL_CTX *ctx, const char *pem, int len)
{
    BIO *mem = BIO_new_mem_buf(pem, len);
    int rc;
    if (!mem)
        return -1;
    X509 *cert = PEM_read_bio_X509(mem, NULL, NULL, NULL);
    BIO_vfree(mem);
    if (!cert)
        return -1;
    rc = SSL_CTX_use_certificate(ctx, cert) == 1 ? 0 : -1;
    X509_free(cert);
    return rc;
}

int leak_key_from_file(SSL_CTX *ctx, FILE *fp)
{
    EVP_PKEY *key = PEM_read_PrivateKey(fp, NULL, NULL, NULL);
    if (!key)
        return -1;
    if (SSL_CTX_use_PrivateKey(ctx, key) != 1)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'key' created by PEM_read_PrivateKey() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    EVP_PKEY_free(key);
    return 0;
}

int no_leak_key_from_file(SSL_CTX *ctx, FILE *fp)
{
    EVP_PKEY *key = PEM_read_PrivateKey(fp, NULL, NULL, NULL);
    int rc;
    if (!key)
        return -1;
    rc = SSL_CTX_use_PrivateKey(ctx, key) == 1 ? 0 : -1;
    EVP_PKEY_free(key);
    return rc;
}

int leak_der_cert(const unsigned char *der, long len, BIO *out)
{
    const unsigned char *p = der;
    X509 *x = d2i_X509(NULL, &p, len);
    if (!x)
        return -1;
    if (PEM_write_bio_X509(out, x) != 1)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'x' created by d2i_X509() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    X509_free(x);
    return 0;
}

int no_leak_der_cert(const unsigned char *der, long len, BIO *out)
{
    const unsigned char *p = der;
    X509 *x = d2i_X509(NULL, &p, len);
    int rc;
    if (!x)
        return -1;
    rc = PEM_write_bio_X509(out, x) == 1 ? 0 : -1;
    X509_free(x);
    return rc;
}

// BIO_new_fp(stdout, BIO_NOCLOSE): the BIO is freed, stdout is not ours.
int leak_fp_bio(X509 *x)
{
    BIO *out = BIO_new_fp(stdout, BIO_NOCLOSE);
    if (!out)
        return -1;
    if (X509_print(out, x) != 1)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'out' created by BIO_new_fp() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    BIO_free(out);
    return 0;
}

// BIO_new_fp(fp, BIO_CLOSE): the stream now belongs to the BIO.
int no_leak_fp_bio_close(const char *path, X509 *x)
{
    FILE *fp = fopen(path, "w");
    if (!fp)
        return -1;
    BIO *out = BIO_new_fp(fp, BIO_CLOSE);
    if (!out) {
        fclose(fp);
        return -1;
    }
    X509_print(out, x);
    BIO_free(out);
    return 0;
}

// BIO_push() links the BIOs: BIO_free_all() frees the chain.
int no_leak_push_chain(const char *data, int len)
{
    BIO *b64 = BIO_new(BIO_f_base64());
    if (!b64)
        return -1;
    BIO *mem = BIO_new_mem_buf(data, len);
    if (!mem) {
        BIO_free(b64);
        return -1;
    }
    BIO_push(b64, mem);
    char buf[64];
    BIO_read(b64, buf, sizeof buf);
    BIO_free_all(b64);
    return 0;
}

int leak_pkey_new(void)
{
    EVP_PKEY *k = EVP_PKEY_new();
    if (!k)
        return -1;
    if (EVP_PKEY_get_bits(k) < 2048)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'k' created by EVP_PKEY_new() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    EVP_PKEY_free(k);
    return 0;
}
