# Ubuntu, Alpine-family and unknown bases are not checked against Debian's index.
FROM ubuntu:22.04 AS ubuntu
RUN apt-get update && apt-get install -y libavcodec58 libssl1.1

FROM eclipse-temurin:21-jdk AS temurin
RUN apt-get update && apt-get install -y libavcodec58

FROM ghcr.io/acme/base:1.0 AS custom
RUN apt-get update && apt-get install -y libavcodec58

FROM openjdk:17-slim AS vague
RUN apt-get update && apt-get install -y libavcodec58

ARG UNKNOWN_BASE
FROM ${UNKNOWN_BASE} AS unknown
RUN apt-get update && apt-get install -y libavcodec58
