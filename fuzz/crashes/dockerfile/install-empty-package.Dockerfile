FROM debian
RUN apt-get install ""
