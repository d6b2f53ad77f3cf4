// Typed wrappers for libcurl's variadic calls, which Swift cannot call directly.
#ifndef INFLUXKIT_CCURL_SHIM_H
#define INFLUXKIT_CCURL_SHIM_H

#include <curl/curl.h>
#include <zlib.h>

// Constants whose macros Swift cannot import.
static const long ik_curlauth_basic = (long)CURLAUTH_BASIC;

typedef int (*ik_curl_progress_callback)(void *context, curl_off_t dltotal, curl_off_t dlnow,
                                         curl_off_t ultotal, curl_off_t ulnow);

typedef size_t (*ik_curl_data_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode ik_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ik_curl_setopt_off(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ik_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ik_curl_setopt_pointer(CURL *handle, CURLoption option, const void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ik_curl_setopt_list(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ik_curl_setopt_callback(CURL *handle, CURLoption option, ik_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ik_curl_setopt_progress(CURL *handle, CURLoption option, ik_curl_progress_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ik_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode ik_curl_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}

// zlib's deflateInit2 is a macro; this starts a gzip (not raw deflate) stream.
static inline int ik_deflate_init_gzip(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

// inflateInit2 is a macro too; this reads one gzip member (RFC 1952), not raw deflate.
static inline int ik_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 16);
}

// CURLVERSION_NOW is a macro: the version of the libcurl loaded at run time.
static inline const char *ik_curl_version(void) {
    const curl_version_info_data *info = curl_version_info(CURLVERSION_NOW);
    return info && info->version ? info->version : "unknown";
}

#endif
