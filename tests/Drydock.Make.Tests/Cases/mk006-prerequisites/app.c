int app(void){return 0;}
