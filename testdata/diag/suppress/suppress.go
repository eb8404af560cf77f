// Package suppress exercises jwtvet's suppression comments: each call to
// flag is a finding of the probe rule unless a comment suppresses it.
package suppress

func flag(string) {}

func cases() {
	flag("reported") // want `probe finding`

	flag("same line") //jwtvet:ignore probe the reason is given

	//jwtvet:ignore probe the line above counts too
	flag("line above")

	//jwtvet:ignore otherrule a different rule does not suppress
	flag("other rule") // want `probe finding`

	//jwtvet:ignore otherrule,probe a list names this rule
	flag("listed")

	//jwtvet:ignore all every rule
	flag("all")

	flag("no reason") /* want `probe finding` `suppression without a reason is ignored` */ //jwtvet:ignore probe

	//jwtvet:ignoreprobe not our directive
	flag("glued") // want `probe finding`

	/* jwtvet:ignore probe block comments are not directives */
	flag("block") // want `probe finding`

	//jwtvet:ignore probe two lines above is too far

	flag("too far") // want `probe finding`
}
