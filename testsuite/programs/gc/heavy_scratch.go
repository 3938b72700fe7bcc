// The second shape of issue 14: a 2 KB scratch slice in each of 2M iterations
// (4.2 GB resident without a collector, 25 MB in Go), here 200,000 iterations to
// keep the suite fast (400 MB allocated).

package main

import "fmt"

var sink []byte

func main() {
	total := 0
	for i := 0; i < 200000; i++ {
		buf := make([]byte, 2048)
		buf[i%2048] = byte(i)
		sink = buf
		total += int(buf[i%2048])
	}
	fmt.Println(total)
}
