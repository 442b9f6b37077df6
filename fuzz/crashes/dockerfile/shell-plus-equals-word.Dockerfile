FROM alpine
RUN +=x
