// Typed wrappers for libcurl's variadic calls, which Swift cannot call directly.
#ifndef INFLUXKIT_CCURL_SHIM_H
#define INFLUXKIT_CCURL_SHIM_H

#include <curl/curl.h>

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

static inline CURLcode ik_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode ik_curl_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
