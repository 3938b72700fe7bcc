package main

type Queue chan int

func (q Queue) Len() int { return len(q) }

func main() {
	var q Queue
	println(q.Len(), cap(q))
}
