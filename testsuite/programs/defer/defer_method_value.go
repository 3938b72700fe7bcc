package main

import "fmt"

type Logger struct {
	prefix string
	lines  []string
}

func (l *Logger) Log(msg string) {
	l.lines = append(l.lines, l.prefix+msg)
	fmt.Println(l.prefix + msg)
}

func (l Logger) Say(msg string) {
	fmt.Println("say", l.prefix, msg)
}

func main() {
	l := &Logger{prefix: "[a] "}
	logf := l.Log
	defer logf("deferred via method value")
	defer l.Log("deferred direct")
	say := l.Say
	defer say("value receiver bound early")
	l.prefix = "[b] "
	defer l.Say("value receiver copied at defer")
	l.prefix = "[c] "
	defer func() {
		fmt.Println("lines so far:", len(l.lines))
	}()
	l.Log("body")
}
