FROM debian
RUN apt-get install -=5s
