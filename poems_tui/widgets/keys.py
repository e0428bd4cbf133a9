"""The footer that lists the keys of the screen in front."""

from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's footer, rebuilt only when the keys it lists change. Textual's own rebuilds all
    its keys each time focus moves or a key is pressed, even when the same keys stay shown; on a
    slow terminal or a busy machine that rebuild is much of what a key press costs."""

    _listed: tuple = ()

    def bindings_changed(self, screen: Screen) -> None:
        listed = tuple(
            (binding.key, binding.description, enabled, tooltip)
            for _, binding, enabled, tooltip in screen.active_bindings.values()
            if binding.show
        )
        if self._bindings_ready and listed == self._listed:
            return
        super().bindings_changed(screen)
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            self._listed = listed
