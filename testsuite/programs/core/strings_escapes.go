package main

import "fmt"

func main() {
	s := "tab\there\nnewline \"quoted\" back\\slash"
	fmt.Println(s)
	fmt.Println(len(s))
	fmt.Printf("%q\n", s)
	raw := `raw \n stays \t literal "and" 'quotes'`
	fmt.Println(raw, len(raw))
	fmt.Printf("%q\n", raw)
	multi := `line one
line two
	indented`
	fmt.Println(multi)
	fmt.Printf("%q\n", multi)
	hex := "\x41\x42\x43"
	fmt.Println(hex, len(hex))
	uni := "caf\u00e9 \u4e16\u754c"
	fmt.Println(uni, len(uni))
	fmt.Printf("%q %x\n", uni, uni)
	oct := "\101\102"
	fmt.Println(oct)
	bell := "a\ab\bc\fd\re\vf"
	fmt.Printf("%q %d\n", bell, len(bell))
	fmt.Printf("%q\n", "\x00\x01\x7f\xff")
	fmt.Printf("%s|%v|%q\n", "x y", "x y", "x y")
	for i := 0; i < len(uni); i++ {
		fmt.Print(uni[i], " ")
	}
	fmt.Println()
	fmt.Printf("%x %x\n", "hello", "")
}
