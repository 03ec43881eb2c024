/*
 * libc.h - a small stand-in for the C library headers most test inputs
 * include (stdlib.h, stdio.h, string.h, unistd.h, fcntl.h, pthread.h,
 * dirent.h, sys/socket.h, sys/mman.h, sys/types.h, sys/stat.h, errno.h),
 * for fuzz_lower only: libclang parses it in a fraction of the time of
 * glibc's, so the fuzzer runs many more inputs.  The names match the
 * rules (rules/*.yml) and glibc's prototypes; other headers are the
 * system's.
 */
#ifndef FUZZ_LIBC_H
#define FUZZ_LIBC_H

typedef __SIZE_TYPE__ size_t;
typedef long ssize_t;
typedef long off_t;
typedef int pid_t;
typedef unsigned int mode_t;
typedef unsigned int socklen_t;
typedef __builtin_va_list va_list;
#define NULL ((void *)0)
#define EOF (-1)
#define SEEK_SET 0
#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define O_RDONLY 0
#define O_WRONLY 1
#define O_RDWR 2
#define O_CREAT 0100
#define O_TRUNC 01000
#define O_CLOEXEC 02000000
#define AF_INET 2
#define AF_UNIX 1
#define SOCK_STREAM 1
#define PROT_READ 1
#define PROT_WRITE 2
#define MAP_PRIVATE 2
#define MAP_FAILED ((void *)-1)
#define EINTR 4
#define ENOMEM 12
#define EAGAIN 11
extern int errno;

typedef struct _IO_FILE FILE;
extern FILE *stdin, *stdout, *stderr;
FILE *fopen(const char *path, const char *mode);
FILE *fdopen(int fd, const char *mode);
FILE *freopen(const char *path, const char *mode, FILE *fp);
FILE *tmpfile(void);
FILE *fmemopen(void *buf, size_t size, const char *mode);
FILE *popen(const char *cmd, const char *mode);
int pclose(FILE *fp);
int fclose(FILE *fp);
int fflush(FILE *fp);
int fileno(FILE *fp);
int fgetc(FILE *fp);
int getc(FILE *fp);
int fputc(int c, FILE *fp);
int fputs(const char *s, FILE *fp);
int puts(const char *s);
char *fgets(char *s, int n, FILE *fp);
size_t fread(void *p, size_t size, size_t n, FILE *fp);
size_t fwrite(const void *p, size_t size, size_t n, FILE *fp);
int fseek(FILE *fp, long off, int whence);
long ftell(FILE *fp);
int feof(FILE *fp);
int ferror(FILE *fp);
int printf(const char *fmt, ...);
int fprintf(FILE *fp, const char *fmt, ...);
int sprintf(char *s, const char *fmt, ...);
int snprintf(char *s, size_t n, const char *fmt, ...);
int vfprintf(FILE *fp, const char *fmt, va_list ap);
int vsnprintf(char *s, size_t n, const char *fmt, va_list ap);
int asprintf(char **s, const char *fmt, ...);
int vasprintf(char **s, const char *fmt, va_list ap);
int sscanf(const char *s, const char *fmt, ...);
ssize_t getline(char **line, size_t *n, FILE *fp);
ssize_t getdelim(char **line, size_t *n, int delim, FILE *fp);
void perror(const char *s);
int remove(const char *path);
int rename(const char *from, const char *to);
void flockfile(FILE *fp);
void funlockfile(FILE *fp);

void *malloc(size_t n);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t n);
void *reallocarray(void *p, size_t n, size_t size);
void *aligned_alloc(size_t align, size_t n);
int posix_memalign(void **p, size_t align, size_t n);
void free(void *p);
_Noreturn void exit(int status);
_Noreturn void _exit(int status);
_Noreturn void abort(void);
int atexit(void (*fn)(void));
char *getenv(const char *name);
int atoi(const char *s);
long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);
char *realpath(const char *path, char *resolved);
int mkstemp(char *tmpl);
char *mkdtemp(char *tmpl);
void qsort(void *p, size_t n, size_t size, int (*cmp)(const void *, const void *));
int rand(void);

size_t strlen(const char *s);
char *strdup(const char *s);
char *strndup(const char *s, size_t n);
char *strcpy(char *d, const char *s);
char *strncpy(char *d, const char *s, size_t n);
char *strcat(char *d, const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *s, const char *t);
char *strerror(int err);
char *strtok(char *s, const char *delim);
void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

int open(const char *path, int flags, ...);
int openat(int dirfd, const char *path, int flags, ...);
int creat(const char *path, mode_t mode);
int close(int fd);
ssize_t read(int fd, void *p, size_t n);
ssize_t write(int fd, const void *p, size_t n);
off_t lseek(int fd, off_t off, int whence);
int dup(int fd);
int dup2(int fd, int fd2);
int pipe(int fds[2]);
int pipe2(int fds[2], int flags);
int unlink(const char *path);
pid_t fork(void);
int fsync(int fd);
int fcntl(int fd, int cmd, ...);

struct sockaddr { unsigned short sa_family; char sa_data[14]; };
int socket(int domain, int type, int proto);
int socketpair(int domain, int type, int proto, int fds[2]);
int accept(int fd, struct sockaddr *addr, socklen_t *len);
int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags);
int bind(int fd, const struct sockaddr *addr, socklen_t len);
int connect(int fd, const struct sockaddr *addr, socklen_t len);
int listen(int fd, int backlog);

void *mmap(void *addr, size_t n, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t n);

typedef struct __dirstream DIR;
struct dirent { unsigned long d_ino; char d_name[256]; };
DIR *opendir(const char *path);
DIR *fdopendir(int fd);
struct dirent *readdir(DIR *d);
int closedir(DIR *d);

struct stat { off_t st_size; mode_t st_mode; };
int stat(const char *path, struct stat *st);
int fstat(int fd, struct stat *st);

typedef union { char size[40]; long align; } pthread_mutex_t;
typedef union { char size[56]; long align; } pthread_rwlock_t;
typedef union { char size[4]; int align; } pthread_mutexattr_t;
typedef unsigned long pthread_t;
#define PTHREAD_MUTEX_INITIALIZER { { 0 } }
int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *a);
int pthread_mutex_destroy(pthread_mutex_t *m);
int pthread_mutex_lock(pthread_mutex_t *m);
int pthread_mutex_trylock(pthread_mutex_t *m);
int pthread_mutex_unlock(pthread_mutex_t *m);
int pthread_rwlock_rdlock(pthread_rwlock_t *l);
int pthread_rwlock_wrlock(pthread_rwlock_t *l);
int pthread_rwlock_unlock(pthread_rwlock_t *l);
int pthread_create(pthread_t *t, const void *attr, void *(*fn)(void *), void *arg);
int pthread_join(pthread_t t, void **ret);

#endif
