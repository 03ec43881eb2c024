// libcurl pack: easy handles go back with curl_easy_cleanup(), header
// lists with curl_slist_free_all() (curl_easy_setopt(CURLOPT_HTTPHEADER)
// does not take the list over), escaped strings with curl_free(), mime
// structures with curl_mime_free(), URL handles with curl_url_cleanup().
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <curl/curl.h>
#include <stdio.h>

int leak_on_perform_error(const char *url)
{
    CURL *h = curl_easy_init();
    struct curl_slist *hdrs = NULL;
    if (!h)
        return -1;
    hdrs = curl_slist_append(hdrs, "Accept: application/json");
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
    if (curl_easy_perform(h) != CURLE_OK)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'h' created by curl_easy_init() at line [[@LINE-9]] is not cleaned up when returning here [leakcheck-leak]
// CHECK: :[[@LINE-2]]:9: warning: 'hdrs' built by curl_slist_append() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    curl_slist_free_all(hdrs);
    curl_easy_cleanup(h);
    return 0;
}

int no_leak_perform(const char *url)
{
    CURL *h = curl_easy_init();
    struct curl_slist *hdrs = NULL, *tmp;
    CURLcode rc;
    long status = 0;
    if (!h)
        return -1;
    tmp = curl_slist_append(hdrs, "Accept: application/json");
    if (tmp == NULL) {
        curl_easy_cleanup(h);
        return -1;
    }
    hdrs = tmp;
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
    rc = curl_easy_perform(h);
    if (rc != CURLE_OK)
        fprintf(stderr, "curl: %s\n", curl_easy_strerror(rc));
    else
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(h);
    curl_slist_free_all(hdrs);
    return rc == CURLE_OK ? (int)status : -1;
}

// When curl_slist_append() fails the old list is still there.
struct curl_slist *leak_old_list(const char *a, const char *b)
{
    struct curl_slist *l = curl_slist_append(NULL, a);
    struct curl_slist *t;
    if (l == NULL)
        return NULL;
    t = curl_slist_append(l, b);
    if (t == NULL)
        return NULL;
// CHECK: :[[@LINE-1]]:9: warning: 'l' built by curl_slist_append() at line [[@LINE-7]] is not freed when returning here [leakcheck-leak]
    return t;
}

struct curl_slist *no_leak_old_list(const char *a, const char *b)
{
    struct curl_slist *l = curl_slist_append(NULL, a);
    struct curl_slist *t;
    if (l == NULL)
        return NULL;
    t = curl_slist_append(l, b);
    if (t == NULL) {
        curl_slist_free_all(l);
        return NULL;
    }
    return t;
}

int leak_escaped(CURL *h, const char *s, char *out, size_t n)
{
    char *e = curl_easy_escape(h, s, 0);
    if (e == NULL)
        return -1;
    if (snprintf(out, n, "q=%s", e) >= (int)n)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'e' allocated by curl_easy_escape() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    curl_free(e);
    return 0;
}

int no_leak_url_host(const char *url, char *out, size_t n)
{
    CURLU *u = curl_url();
    char *host;
    int rc = -1;
    if (u == NULL)
        return -1;
    if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK) {
        rc = snprintf(out, n, "%s", host) < (int)n ? 0 : -1;
        curl_free(host);
    }
    curl_url_cleanup(u);
    return rc;
}

int leak_mime(CURL *h, const char *data)
{
    curl_mime *mime = curl_mime_init(h);
    curl_mimepart *part;
    if (mime == NULL)
        return -1;
    part = curl_mime_addpart(mime);
    if (part == NULL)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'mime' created by curl_mime_init() at line [[@LINE-7]] is not freed when returning here [leakcheck-leak]
    curl_mime_data(part, data, CURL_ZERO_TERMINATED);
    curl_easy_setopt(h, CURLOPT_MIMEPOST, mime);
    curl_easy_perform(h);
    curl_mime_free(mime);
    return 0;
}

int no_leak_multi(CURL *a, CURL *b)
{
    CURLM *m = curl_multi_init();
    int running = 1;
    if (m == NULL)
        return -1;
    curl_multi_add_handle(m, a);
    curl_multi_add_handle(m, b);
    while (running) {
        if (curl_multi_perform(m, &running) != CURLM_OK)
            break;
        curl_multi_poll(m, NULL, 0, 1000, NULL);
    }
    curl_multi_remove_handle(m, a);
    curl_multi_remove_handle(m, b);
    curl_multi_cleanup(m);
    return 0;
}

/* The multi handle keeps the easy handle; it is cleaned up once
   curl_multi_info_read() hands it back. */
void no_leak_added_to_multi(CURLM *multi, const char *url)
{
    CURL *curl = curl_easy_init();
    if (curl) {
        curl_easy_setopt(curl, CURLOPT_URL, url);
        curl_multi_add_handle(multi, curl);
    }
}
