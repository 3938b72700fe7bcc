package main

import "fmt"

// Arguments held only by defer records: a deferred call in a loop (a chain record)
// and a direct deferred call, evaluated at the defer statement, used after the
// function allocates enough to collect several times.

type box struct {
	id   int
	text string
	next *box
}

func churn(seed int) int {
	s := 0
	for i := 0; i < 3000; i++ {
		b := &box{id: i, text: fmt.Sprint("garbage-", seed, "-", i)}
		buf := make([]*box, 250)
		buf[i%250] = b
		s += len(buf[i%250].text)
	}
	return s
}

func show(b *box, words []string) {
	fmt.Println("deferred", b.id, b.text, b.next != nil, words)
}

func work(n int) {
	for i := 0; i < n; i++ {
		b := &box{id: i, text: fmt.Sprint("arg", i)}
		if i > 0 {
			b.next = &box{id: -i}
		}
		defer show(b, []string{fmt.Sprint("w", i), "x"})
	}
	defer show(&box{id: 100, text: "direct"}, nil)
	churn(n)
}

func main() {
	work(5)
	fmt.Println("done", churn(1) > 0)
}
