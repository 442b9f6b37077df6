ARG BASE=python:3.12-slim
ARG UNKNOWN
ARG LATEST=node:latest
# expect-next: DF001
FROM ubuntu AS one
# expect-next: DF002
FROM alpine:latest AS two
# expect-next: DF002
FROM ${LATEST} AS three
FROM ${BASE} AS four
FROM ${UNKNOWN} AS five
FROM one AS six
FROM scratch AS seven
FROM ghcr.io/acme/api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS eight
FROM localhost:5000/tools:1.2
