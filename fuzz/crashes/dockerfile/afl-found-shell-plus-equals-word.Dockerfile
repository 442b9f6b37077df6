FROM ngon?|||(
CMD +=)(["pythFRO_ mpp", "!m", #