// OpenSSL: SSL_CTX_new()/SSL_CTX_free() and SSL_new()/SSL_free(); SSL_read,
// SSL_connect ... only use the connection; SSL_set_bio() takes the BIOs.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <openssl/ssl.h>
#include <openssl/bio.h>
#include <openssl/x509v3.h>

int leak_ctx_on_error(const char *cert)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    if (!ctx)
        return -1;
    if (SSL_CTX_use_certificate_file(ctx, cert, SSL_FILETYPE_PEM) != 1)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'ctx' created by SSL_CTX_new() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    SSL_CTX_free(ctx);
    return 0;
}

int no_leak_ctx(const char *cert)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    int rc = 0;
    if (!ctx)
        return -1;
    if (SSL_CTX_use_certificate_file(ctx, cert, SSL_FILETYPE_PEM) != 1)
        rc = -1;
    SSL_CTX_free(ctx);
    return rc;
}

int leak_ssl_on_connect_error(SSL_CTX *ctx, int fd, char *buf, int n)
{
    SSL *ssl = SSL_new(ctx);
    if (!ssl)
        return -1;
    SSL_set_fd(ssl, fd);
    if (SSL_connect(ssl) != 1)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'ssl' created by SSL_new() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    int got = SSL_read(ssl, buf, n);
    SSL_shutdown(ssl);
    SSL_free(ssl);
    return got;
}

int no_leak_ssl(SSL_CTX *ctx, int fd, char *buf, int n)
{
    SSL *ssl = SSL_new(ctx);
    int got = -1;
    if (!ssl)
        return -1;
    SSL_set_fd(ssl, fd);
    if (SSL_connect(ssl) == 1) {
        got = SSL_read(ssl, buf, n);
        SSL_write(ssl, buf, got > 0 ? got : 0);
        SSL_shutdown(ssl);
    }
    SSL_free(ssl);
    return got;
}

// SSL_set_bio() hands both BIOs to the SSL: SSL_free() frees them.
int no_leak_set_bio(SSL_CTX *ctx)
{
    SSL *ssl = SSL_new(ctx);
    if (!ssl)
        return -1;
    BIO *rb = BIO_new(BIO_s_mem());
    BIO *wb = BIO_new(BIO_s_mem());
    if (!rb || !wb) {
        BIO_free(rb);
        BIO_free(wb);
        SSL_free(ssl);
        return -1;
    }
    SSL_set_bio(ssl, rb, wb);
    SSL_set_connect_state(ssl);
    SSL_do_handshake(ssl);
    SSL_free(ssl);
    return 0;
}

// The peer certificate is a new reference (SSL_get_peer_certificate is a
// macro for SSL_get1_peer_certificate in OpenSSL 3).
int leak_peer_cert(SSL *ssl, const char *host)
{
    X509 *peer = SSL_get_peer_certificate(ssl);
    if (!peer)
        return -1;
    if (X509_check_host(peer, host, 0, 0, NULL) != 1)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'peer' created by SSL_get1_peer_certificate() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    X509_free(peer);
    return 0;
}

int no_leak_peer_cert(SSL *ssl, const char *host)
{
    X509 *peer = SSL_get_peer_certificate(ssl);
    int ok;
    if (!peer)
        return -1;
    ok = X509_check_host(peer, host, 0, 0, NULL) == 1;
    X509_free(peer);
    return ok ? 0 : -1;
}
