FROM golang:1.22 AS build
# expect-next: DF015
CMD ["a"]
CMD ["b"]
# expect-next: DF016
ENTRYPOINT ["x"]
ENTRYPOINT ["y"]
# expect-next: DF017
HEALTHCHECK CMD ["true"]
HEALTHCHECK NONE
# expect-next: DF019
COPY --from=build /a /b
# expect-next: DF020
FROM alpine:3.20 AS BUILD
# expect-next: DF018
COPY --from=biuld /out /out
# expect-next: DF018
COPY --from=7 /out /out
# expect-next: DF018
COPY --from=later /out /out
COPY --from=build /out /out
COPY --from=0 /out /out
COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/
FROM alpine:3.20 AS later
