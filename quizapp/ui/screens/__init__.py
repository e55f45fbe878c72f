"""The student screens: learner picker, new learner, home, lesson, quiz, help card and results."""
